/** How messages name reflective supervision/consultation. */
export const RSC = 'reflective supervision/consultation';
