/** Display names for the codes the API sends (flags, disability domains, education); raw code if unknown. */
import type { TFunction } from 'i18next';

export function flagLabel(t: TFunction, flag: string): string {
  const [code, detail] = flag.split(':');
  const label = t(`flagNames.${code}`, { defaultValue: code });
  return detail ? `${label} (${detail})` : label;
}

export function educationLabel(t: TFunction, level: string): string {
  return t(`educationLevels.${level}`, { defaultValue: level });
}
