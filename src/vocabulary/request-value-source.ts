/** Where in the request a `RequestValue` comes from. */
export type RequestValueSource =
  | 'body' | 'jsonPath' | 'pathParameter' | 'queryString' | 'header' | 'context' | 'stageVariable' | 'literal';
