import pkg from '../package.json' with { type: 'json' };

export const apiVersion: string = pkg.version;
