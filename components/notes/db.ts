import { RatsmarkerDB } from '@/utils/db/schema';

/** The notebook as extension pages (popup, options, side panel) open it: same origin as the background. */
export const db = new RatsmarkerDB();
