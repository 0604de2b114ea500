import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for Lotse: every widget with controls, a language switcher ("Sprache / Language"
 * in the toolbar), the a11y addon, and docs generated from custom-elements.json.
 * The sample feed demo/public/services.json is served at /services.json.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  staticDirs: [{ from: '../demo/public', to: '/' }],
  // No calls home: no telemetry, no "what's new" feed from storybook.js.org.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The demo's vite.config.ts builds the library (root: demo, lib mode); Storybook needs none of it.
  viteFinal: async (viteConfig) => {
    viteConfig.build = { ...viteConfig.build, lib: false };
    return viteConfig;
  },
};
export default config;
