export * from './parties';
