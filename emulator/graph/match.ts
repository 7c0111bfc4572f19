import { badRequest, GraphError } from './errors';
import type { GraphRoute } from './types';

export interface RouteMatch {
  route: GraphRoute;
  params: Record<string, string>;
}

/** The path's segments, percent-decoded (a guest's UPN arrives as `…%23EXT%23@…`). */
export function segmentsOf(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw badRequest(`Resource not found for the segment '${segment}'.`);
      }
    });
}

function bind(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index]!;
    if (part.startsWith('{')) params[part.slice(1, -1)] = segment;
    else if (part.toLowerCase() !== segment.toLowerCase()) return undefined;
  }
  return params;
}

/**
 * Finds the route for a method and path. Unknown paths get Graph's 400 naming the first segment it could not
 * resolve; a known path with another method gets 405.
 */
export function matchRoute(routes: readonly GraphRoute[], method: string, path: string): RouteMatch {
  const segments = segmentsOf(path);
  const candidates = routes
    .map((route) => ({ route, params: bind(route.pattern.split('/').filter(Boolean), segments) }))
    .filter((candidate): candidate is RouteMatch => candidate.params !== undefined);
  const exact = candidates.find((candidate) => candidate.route.method === method.toUpperCase());
  if (exact) return exact;
  if (candidates.length > 0) throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
  throw badRequest(`Resource not found for the segment '${firstUnknownSegment(routes, segments)}'.`);
}

function firstUnknownSegment(routes: readonly GraphRoute[], segments: string[]): string {
  for (let length = 1; length <= segments.length; length += 1) {
    const prefix = segments.slice(0, length);
    const known = routes.some((route) => bind(route.pattern.split('/').filter(Boolean).slice(0, length), prefix));
    if (!known) return segments[length - 1]!;
  }
  return segments[segments.length - 1] ?? '';
}
