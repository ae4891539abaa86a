import { javaInteger } from './java-numbers';
import { JavaHostObject, JavaValue, MethodResult, NO_SUCH_METHOD } from './java-values';

/** `$foreach` inside a #foreach (Velocity 1.7's ForeachScope): index, count, hasNext, first, last, parent. */
export class ForeachScope extends JavaHostObject {
  readonly javaClassName = 'ForeachScope';
  index = -1;

  constructor(private readonly size: number, readonly parent: JavaValue) {
    super();
  }

  javaToString(): string {
    return 'ForeachScope';
  }

  invoke(method: string, args: readonly JavaValue[]): MethodResult {
    if (args.length > 0) return NO_SUCH_METHOD;
    switch (method) {
      case 'getIndex': return javaInteger(this.index);
      case 'getCount': return javaInteger(this.index + 1);
      case 'hasNext': case 'getHasNext': return this.index + 1 < this.size;
      case 'isFirst': case 'getFirst': return this.index === 0;
      case 'isLast': case 'getLast': return this.index + 1 === this.size;
      case 'getParent': return this.parent;
      default: return NO_SUCH_METHOD;
    }
  }
}
