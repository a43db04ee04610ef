import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'subtle' | 'danger';

const appearance: Record<Variant, string> = {
  primary: 'utrecht-button--primary-action',
  secondary: 'utrecht-button--secondary-action',
  subtle: 'utrecht-button--subtle',
  danger: 'utrecht-button--secondary-action utrecht-button--danger',
};

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean };

export function Button({ variant = 'secondary', busy = false, className, type = 'button', disabled, children, ...rest }: Props) {
  const classes = ['utrecht-button', appearance[variant], busy ? 'utrecht-button--busy' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    // eslint-disable-next-line react/button-has-type -- the type is always set, defaulting to "button"
    <button type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: React.ReactNode }) {
  return <div className="utrecht-button-group baken-button-group">{children}</div>;
}
