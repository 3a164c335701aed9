import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** A file answer in the OpenAPI document (the content type says which). */
export const FileDownload = z.any().describe('het bestand (zie content-type)');

/** Marks the answer as a download with this content type and file name. */
export function attachment(reply: FastifyReply, type: string, fileName: string) {
  reply.type(type);
  reply.header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]+/g, '-')}"`);
}
