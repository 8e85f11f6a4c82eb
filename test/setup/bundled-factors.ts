import { useBundledFactorLibrary } from '../../src/factors/bundled.js';

// Tests import modules from src/, not an entry point: make the bundled sets the default, as 'council-ghg' does.
useBundledFactorLibrary();
