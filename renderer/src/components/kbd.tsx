import Typography from '@mui/material/Typography';

/** A key cap, e.g. <Kbd>Alt+N</Kbd>. `decorative` hides it from screen readers (a button says it with aria-keyshortcuts). */
export function Kbd({ children, decorative }: { children: string; decorative?: boolean }) {
  return (
    <Typography
      component="kbd"
      variant="body2"
      aria-hidden={decorative ? true : undefined}
      sx={{
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
        px: 0.75,
        py: 0.125,
        border: 1,
        borderColor: 'divider',
        borderBottomWidth: 2,
        borderRadius: 1,
        bgcolor: 'background.default',
        color: 'text.primary',
        // Buttons size their icon slots (20px); a key cap stays text-sized.
        fontSize: '0.8125rem !important',
        lineHeight: 1.4,
        whiteSpace: 'nowrap',
      }}
    >
      {children}
    </Typography>
  );
}
