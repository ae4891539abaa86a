/**
 * A mapping template that cannot be rendered: it does not parse, it reads a body that is not
 * JSON, it uses a JSONPath or a regular expression outside the model, or a Java method it calls
 * fails (Velocity then aborts the whole rendering, so this renderer does too).
 */
export class VtlRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VtlRenderError';
  }
}
