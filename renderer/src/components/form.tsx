// The one form of the console (as bulletproof-react's Form): react-hook-form with a zod schema, so a
// screen states its rules once (the schema; messages are catalogue keys or words of its own) and gets
// touched/submitted state, focus on the first invalid field and valid values on submit for free.
import { zodResolver } from '@hookform/resolvers/zod';
import Stack, { type StackProps } from '@mui/material/Stack';
import type { ReactNode } from 'react';
import { useForm, type FieldValues, type Resolver, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';

/** useForm with the schema as its resolver: submit handlers get the schema's parsed output. */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({ ...options, resolver: zodResolver(schema) as Resolver<z.input<S>, unknown, z.output<S>> });
}

/** A <form> (a Stack, so it lays out like the rest) that submits only values the schema accepts. */
export function Form<I extends FieldValues, O>({
  form,
  onValid,
  children,
  ...stack
}: {
  form: UseFormReturn<I, unknown, O>;
  onValid: (values: O) => unknown;
  children: ReactNode;
} & Omit<StackProps<'form'>, 'onSubmit' | 'children' | 'component'>) {
  return (
    <Stack component="form" noValidate {...stack} onSubmit={(event) => void form.handleSubmit(async (values) => void (await onValid(values)))(event)}>
      {children}
    </Stack>
  );
}
