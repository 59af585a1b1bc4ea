export * from './types';
export * from './acts';
export * from './measure-replies';
export * from './notice-replies';
export * from './respond';
export { ADAPTIVE_CARD_VERSION, type AdaptiveCard, type CardElement } from './estimate-card';
export * from './estimate-interview';
export * from './estimate-replies';
export * from './rating-replies';
