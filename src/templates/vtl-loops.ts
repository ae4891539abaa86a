/**
 * API Gateway runs at most 1,000 iterations of one `#foreach` in a mapping template (a fixed
 * quota). A loop over data the client or a service sends (a body's attributes, a list, a
 * Query page) can be longer, so the templates walk such lists by index in chunks of 1,000:
 * an outer `#foreach` over the chunks and an inner one over a chunk's indexes. Neither runs
 * more than 1,000 times for lists of up to 1,000,000 elements.
 */
export const FOREACH_LIMIT = 1000;

/** The longest list `eachIndex` walks whole. */
export const MAX_LIST_LENGTH = FOREACH_LIMIT * FOREACH_LIMIT;

/**
 * Set to true when a list was longer than `MAX_LIST_LENGTH` and only its first elements
 * were walked; a template that walks such lists then answers with an error.
 */
export const LIST_TOO_LONG = '$gO';

/** What `eachIndex` may be given. */
export interface EachIndexOptions {
  /**
   * The list may be longer than `MAX_LIST_LENGTH` (only a list of events over a whole Query
   * page can be): longer lists then set `LIST_TOO_LONG` and are walked to that length.
   * Otherwise the caller bounds the length (a body's length, DynamoDB's 400 KB items).
   */
  readonly mayBeTooLong?: boolean;
  /** The reference may be null or not a List (it then runs nothing). */
  readonly mayBeNull?: boolean;
}

/**
 * Runs `body` once for each index `$I<tag>` of the List `list` (a reference whose `size()` is
 * read once), in order. `tag` (one character) names the loop's variables, so loops that nest
 * use different tags.
 *
 * The body reads elements with `list.get($I<tag>)`; a `#set` of a null element would keep the
 * variable's previous value in Velocity, so a list that may hold nulls is read in place.
 */
export function eachIndex(list: string, tag: string, body: string, options: EachIndexOptions = {}): string {
  const [h, g, x, f, l, i] = ['H', 'G', 'X', 'F', 'L', 'I'].map(v => `$${v}${tag}`);
  // A #set to null keeps the old value: -1 first, so a null list walks nothing. Velocity 1.7
  // reads `)-1` as `)` and the number -1, so the subtraction has spaces.
  const size = `${options.mayBeNull ? `#set(${h}=-1)` : ''}#set(${h}=${list}.size() - 1)`;
  const cap = options.mayBeTooLong
    ? `#if(${g}>=${FOREACH_LIMIT})#set(${LIST_TOO_LONG}=true)#set(${g}=${FOREACH_LIMIT - 1})#end`
    : '';
  return `${size}#if(${h}>=0)#set(${g}=${h}/${FOREACH_LIMIT})${cap}`
    + `#foreach(${x} in [0..${g}])#set(${f}=${x}*${FOREACH_LIMIT})#set(${l}=${f}+${FOREACH_LIMIT - 1})#if(${l}>${h})#set(${l}=${h})#end`
    + `#foreach(${i} in [${f}..${l}])${body}#end#end#end`;
}
