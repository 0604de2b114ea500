// Optional WebKit job (WebKitGTK's MiniBrowser through WebKitWebDriver), see README:
//   npm run test:webkit
// scripts/test-webkit.sh installs nothing; it starts the driver under Xvfb and runs this.
import { webdriverLauncher } from '@web/test-runner-webdriver';
import base from './web-test-runner.config.mjs';

export default {
  ...base,
  browsers: [
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: 4444,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {
          binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          args: ['--automation'],
        },
      },
    }),
  ],
  concurrency: 1,
  // WebDriver classic cannot send keys the way our keyboard tests need.
  files: process.env.LOTSE_TESTS ?? ['test/**/*.test.ts', '!test/keyboard.test.ts'],
};
