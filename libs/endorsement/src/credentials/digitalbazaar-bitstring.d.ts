// The package ships no types; these are the members used here (see its README).
declare module '@digitalbazaar/bitstring' {
  export class Bitstring {
    constructor(options: { length: number } | { buffer: Uint8Array });
    set(position: number, on: boolean): void;
    get(position: number): boolean;
    /** base64url (no padding) of the GZIP-compressed bits, first bit the left-most of the first byte. */
    encodeBits(): Promise<string>;
  }
}
