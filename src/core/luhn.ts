/** Whether a run of digits passes the Luhn check, as every payment-card number does. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let fromRight = 0; fromRight < digits.length; fromRight++) {
    const digit = Number(digits[digits.length - 1 - fromRight]);
    // Every second digit from the right counts doubled, the two digits of the product added: 5 → 10 → 1.
    sum += fromRight % 2 ? Number('0246813579'[digit]) : digit;
  }
  return sum % 10 === 0;
}
