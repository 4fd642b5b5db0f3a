import { Injectable } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

/** The API's endpoints (controller handlers) for the page's headline, counted once from Nest's own route metadata. */
@Injectable()
export class ApiEndpoints {
  private counted: number | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  count(): number {
    if (this.counted !== undefined) return this.counted;
    let endpoints = 0;
    for (const wrapper of this.discovery.getControllers()) {
      const prototype = (wrapper.metatype as { prototype?: object } | undefined)?.prototype;
      if (!prototype) continue;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name];
        if (typeof handler === 'function' && Reflect.getMetadata(METHOD_METADATA, handler) !== undefined) endpoints += 1;
      }
    }
    return (this.counted = endpoints);
  }
}
