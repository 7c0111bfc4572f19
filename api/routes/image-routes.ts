import { randomUUID } from 'node:crypto';
import express, { type Request, type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import type { ImageStore } from '../../core/admin/admin-store';
import { HeraldError } from '../../core/errors/herald-error';
import { route } from '../http/async-route';
import { userOf } from '../http/request-context';

export const MAX_IMAGE_BYTES = 1024 * 1024;

/** The declared type must match the file's own signature, so nothing else is served as an image. */
const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')),
};
const imageId = z.string().uuid();

export interface ImageRouteOptions {
  images: ImageStore;
  tenantId: string;
  /** Herald's public base URL; the request's own origin when not configured. */
  publicUrl?: string;
}

/**
 * `POST /api/images`: a sender uploads the raw file. `GET /images/:id` serves it to anyone: Teams clients load card
 * images without Herald's token (ids are random UUIDs). Images live in the database, so every server of a
 * scaled-out deployment serves them. In production the URL is https (HERALD_PUBLIC_URL); in local mode it is
 * http://127.0.0.1…, which the card schema accepts only in local mode (`allowLoopbackImages`, set by the
 * composition root from the run mode).
 */
export function imageUploadRoute(options: ImageRouteOptions): Router {
  const router = express.Router();
  router.post(
    '/api/images',
    rawImage,
    route(async (req, res) => {
      const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const check = SIGNATURES[type];
      if (!check) throw new HeraldError('validation_failed', 'Upload a PNG, JPEG or GIF image.', { details: { fields: { image: 'must be a PNG, JPEG or GIF' } } });
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (bytes.length === 0) throw new HeraldError('validation_failed', 'The image is empty.', { details: { fields: { image: 'is empty' } } });
      if (!check(bytes)) throw new HeraldError('validation_failed', `The file is not a ${type.slice('image/'.length).toUpperCase()} image.`, { details: { fields: { image: 'does not match its type' } } });
      const id = randomUUID();
      const user = userOf(res);
      await options.images.put({ id, tenantId: options.tenantId, contentType: type, bytes, createdBy: user.upn || user.id, createdAt: Date.now() });
      res.status(201).json({ url: `${baseOf(req, options.publicUrl)}/images/${id}` });
    }),
  );
  return router;
}

/** `GET /images/:id`: no token (see {@link imageUploadRoute}). */
export function imageServeRoute(images: ImageStore): Router {
  const router = express.Router();
  router.get(
    '/images/:id',
    route(async (req, res) => {
      const image = imageId.safeParse(req.params.id).success ? await images.get(req.params.id!) : undefined;
      if (!image) throw new HeraldError('not_found', 'There is no such image.');
      // Teams clients and the emulator's client load card images from other origins.
      res.set({ 'Content-Type': image.contentType, 'Cache-Control': 'public, max-age=31536000, immutable', 'Cross-Origin-Resource-Policy': 'cross-origin' });
      res.send(image.bytes);
    }),
  );
  return router;
}

/** Reads the raw body up to the limit, refusing a bigger file with a message that names the limit. */
const rawImage: RequestHandler = (req, res, next) => {
  express.raw({ type: () => true, limit: MAX_IMAGE_BYTES })(req, res, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
      return next(new HeraldError('validation_failed', 'The image is larger than 1 MB; choose a smaller one.', { status: 413, details: { fields: { image: 'must be at most 1 MB' } } }));
    }
    next(error);
  });
};

function baseOf(req: Request, configured: string | undefined): string {
  return (configured ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');
}
