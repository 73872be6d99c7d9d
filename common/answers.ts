import { Type, type Static } from 'typebox';

/** The seed's `{ message }` answer (restart, delete). */
export const MessageBody = Type.Object({ message: Type.String() }, { $id: 'Message' });

/** The `{ message }` answer's type. */
export type MessageBody = Static<typeof MessageBody>;

/** The one error shape every REST error answer (and IPC failure) has: `{ "error": { "code", "message", "field"? } }`. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      field: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorBody' },
);

/** The error answer's type. */
export type ErrorBody = Static<typeof ErrorBody>;
