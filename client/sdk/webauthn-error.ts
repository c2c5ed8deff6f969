/** The `DOMException` names with which a browser's `navigator.credentials` rejects. */
export type WebAuthnErrorName = 'NotAllowedError' | 'InvalidStateError' | 'SecurityError' | 'NotSupportedError';

/**
 * Thrown by {@link SoftwareAuthenticator} wherever a browser's `navigator.credentials.create()` or
 * `.get()` would reject. `name` is the `DOMException` name the browser would use, so callers can
 * branch on it the same way they do on browser errors.
 */
export class WebAuthnError extends Error {
  override readonly name: WebAuthnErrorName;

  constructor(name: WebAuthnErrorName, message: string) {
    super(message);
    this.name = name;
  }
}
