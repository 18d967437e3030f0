// The "Личный кабинет" stand-in: login needs functional cookies (privacy policy §3.3.1).
(() => {
  const status = document.getElementById('login-status');
  const showAccess = () => {
    const consent = window.AllurConsent;
    if (!consent) return;
    status.textContent = consent.has('functional')
      ? 'Функциональные cookie разрешены: вход доступен.'
      : 'Функциональные cookie не разрешены: вход может не работать (п. 3.3.1).';
  };
  document.getElementById('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    status.textContent = 'Это демонстрация: вход не выполняется.';
  });
  document.addEventListener('allur-consent:change', showAccess);
  showAccess();
})();
