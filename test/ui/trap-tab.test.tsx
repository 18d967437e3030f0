import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { focused, setup } from './setup';

const openDialog = async () => {
  const fixture = await setup();
  fireEvent.click(fixture.shadow.querySelector<HTMLElement>('.banner [data-consent-action="preferences"]')!);
  const dialog = fixture.ui.getByRole('dialog');
  const controls = [...dialog.querySelectorAll<HTMLElement>('*')].filter((item) => item.matches('a[href],button,input:not(:disabled)'));
  return { ...fixture, dialog, first: controls[0], last: controls[controls.length - 1] };
};

describe('the dialog Tab trap', () => {
  it('lets Tab go on from a focused element that is no control, as the scroll area Firefox makes a Tab stop', async () => {
    const { dialog, shadow, first } = await openDialog();
    const scrollArea = document.createElement('div');
    scrollArea.tabIndex = 0;
    first.after(scrollArea);
    scrollArea.focus();
    expect(fireEvent.keyDown(scrollArea, { key: 'Tab' })).toBe(true);
    expect(fireEvent.keyDown(scrollArea, { key: 'Tab', shiftKey: true })).toBe(true);
    expect(focused(shadow)).toBe(scrollArea);
    expect(dialog.contains(focused(shadow))).toBe(true);
  });

  it('wraps from a non-control after the last control to the first', async () => {
    const { shadow, dialog, first } = await openDialog();
    const tail = document.createElement('div');
    tail.tabIndex = 0;
    dialog.append(tail);
    tail.focus();
    expect(fireEvent.keyDown(tail, { key: 'Tab' })).toBe(false);
    expect(focused(shadow)).toBe(first);
  });

  it('recognises Tab that WebKitGTK reports as key "Unidentified", code "Tab", keyCode 9', async () => {
    const { shadow, first, last } = await openDialog();
    first.focus();
    fireEvent.keyDown(first, { key: 'Unidentified', code: 'Tab', keyCode: 9, shiftKey: true });
    expect(focused(shadow)).toBe(last);
    fireEvent.keyDown(last, { key: 'Unidentified', code: 'Tab', keyCode: 9 });
    expect(focused(shadow)).toBe(first);
  });
});
