/**
 * Differences between the project's VTL renderer and Apache Velocity 1.7 that are accepted.
 * Only genuine limitations of the JS engine belong here, each with its explanation; a
 * difference that is a bug is fixed in the renderer, never listed here.
 */
export interface KnownDifference {
  /** The case name, or a pattern matching the names of the cases concerned. */
  readonly case: string | RegExp;
  /** Why the renderers differ and why that is acceptable. */
  readonly reason: string;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    case: 'probe foreach-over-literals',
    reason: 'velocityjs\'s grammar accepts only a reference, a range, a list or a map literal after `in`; '
      + 'Velocity 1.7 also parses a string or number literal there (and iterates nothing). No template iterates a literal.',
  },
];
