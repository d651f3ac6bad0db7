// Length is what makes a password strong (NIST SP 800-63B); no composition rules. The maximum bounds
// the hashing work a request can ask for.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
