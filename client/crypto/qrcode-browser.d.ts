/**
 * The browser build of `qrcode`, typed for the one call Parley makes. Importing `qrcode` itself
 * would pull @types/qrcode and with it Node's types into the browser project.
 */
declare module 'qrcode/lib/browser.js' {
  // biome-ignore lint/suspicious/noShadowRestrictedNames: the library's own name for this export
  export function toString(
    segments: readonly { readonly data: Uint8Array; readonly mode: 'byte' }[],
    options: { readonly type: 'svg'; readonly errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; readonly margin?: number },
  ): Promise<string>;
}
