/** A key pressed in a text field belongs to the text: shortcuts (Enter answers, digits send tones) leave it alone. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
