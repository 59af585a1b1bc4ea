export * from './types';
export * from './intents';
export * from './measure-replies';
export * from './notice-replies';
export * from './respond';
