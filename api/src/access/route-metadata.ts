import type { ExecutionContext, Type } from '@nestjs/common';

/** A route's handler, as Nest gives it to guards. */
export type RouteHandler = ReturnType<ExecutionContext['getHandler']>;

/**
 * What a guard reads from a route's decorators, resolved once per handler and kept: decorator
 * metadata never changes after start-up, and reading it through the Reflector on every request
 * (several keys, handler then class) was a visible part of each request's cost.
 */
export class RouteMetadata<T> {
  private readonly byHandler = new WeakMap<RouteHandler, { classRef: Type; value: T }>();

  constructor(private readonly resolve: (handler: RouteHandler, classRef: Type) => T) {}

  of(context: ExecutionContext): T {
    const handler = context.getHandler();
    const classRef = context.getClass();
    const known = this.byHandler.get(handler);
    // One handler under two classes (an inherited method) gets each class's own answer.
    if (known?.classRef === classRef) return known.value;
    const value = this.resolve(handler, classRef);
    this.byHandler.set(handler, { classRef, value });
    return value;
  }
}
