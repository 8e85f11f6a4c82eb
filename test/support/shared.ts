import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { available } from './required.js';

/** The published factor files beside the clone (CI has ../shared); tests needing them skip loudly without, and fail under CI. */
export const SHARED_SOURCES = join(import.meta.dirname, '..', '..', '..', 'shared', 'emission-factor-sources', 'uk-ghg-conversion-factors');
export const HAVE_SHARED = available('../shared/emission-factor-sources (the published DESNZ files)', existsSync(SHARED_SOURCES), 'clone beside the shared folder');

export const normalisedCsv = (year: number) => join(SHARED_SOURCES, 'normalized', `uk-ghg-conversion-factors-${year}-flat.csv`);
export const original = (file: string) => join(SHARED_SOURCES, 'original', file);

export const BUNDLED_YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

export const XLSX_ORIGINALS: Record<number, string> = {
  2016: '2016_Flat_format_file_v01-01.xlsx',
  2020: 'Conversion_Factors_2020_-_Flat_file__for_automatic_processing_only_.xlsx',
  2023: 'ghg-conversion-factors-2023-flat-file-update.xlsx',
  2024: 'ghg-conversion-factors-2024-FlatFormat_v1_1.xlsx',
};

/** The Defra / Leeds spend multipliers beside the clone. */
export const SHARED_SPEND_SOURCES = join(import.meta.dirname, '..', '..', '..', 'shared', 'spend-factor-sources');
export const HAVE_SHARED_SPEND = available('../shared/spend-factor-sources (the published spend multipliers)', existsSync(SHARED_SPEND_SOURCES), 'clone beside the shared folder');
