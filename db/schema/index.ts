export * from './auth';
export * from './deployment';
export * from './entries';
export * from './keys';
export * from './log';
export * from './parties';
export * from './people';
export * from './witness';
