export { createDigitalPostOutboxNotifier, noticeText, type Notice, type NoticeKind, type Notifier } from './notifier';
export { readOutbox, writeOutbox, type OutboxEntry } from './outbox';
export { createOutboxSealer, type OutboxSealer } from '../sealing';
