export * from './countries';
export * from './municipalities';
export * from './municipality-at';
export * from './old-municipalities';
export * from './parishes';
export * from './postcodes';
export * from './streets';
export * from './birthplace-names';
