// Loaded on demand by the compose form: libphonenumber's metadata is large, and most messages carry no phone.
export { normalisePhone } from '../../../../src/entities/phone.js';
