import { Button, FormField, FormFieldDescription, FormLabel, Textbox } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface CopyFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  description?: ReactNode;
}

/** A read-only value (one-time token, invitation link) with a copy button. */
export function CopyField({ id, label, value, description }: CopyFieldProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  const descriptionId = description ? `${id}-description` : undefined;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <FormField
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : undefined}
      input={
        <div className="wb-copy-field">
          <Textbox
            id={id}
            value={value}
            readOnly
            aria-describedby={descriptionId}
            className="wb-copy-field__value"
            onFocus={(event) => event.target.select()}
          />
          <Button type="button" appearance="secondary-action-button" onClick={copy}>
            {t('common.copy')}
          </Button>
          <span role="status" className="wb-copy-field__status">
            {copied === true ? t('common.copied') : copied === false ? t('common.copyFailed') : ''}
          </span>
        </div>
      }
    />
  );
}
