import { defineConfig } from 'vitest/config';
import { vitestPreset } from '@uc/config/vitest';
export default defineConfig(vitestPreset);
