import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { Builder, By, Key } from 'selenium-webdriver';
import { freePort, waitForPort } from './ports.js';

/**
 * A page in a stock browser other than Chromium, driven over WebDriver (playwright-core's Firefox and
 * WebKit are patched builds that cannot be downloaded here). Only what a journey needs: scripts in the
 * page, and real clicks and keystrokes, so React sees the events a person's browser sends.
 */
export interface RemotePage {
  /** Opens an address and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Runs a function body in the page (its arguments as `arguments`); returns what it returns. */
  run<T>(body: string, ...args: unknown[]): Promise<T>;
  click(selector: string): Promise<void>;
  /** Types at the end of a field's text, as a person who clicked into it would. */
  type(selector: string, text: string): Promise<void>;
  close(): Promise<void>;
}

export interface Engine {
  name: string;
  /** What is missing to run it, or null. */
  missing(): string | null;
  open(width: number, height: number): Promise<RemotePage>;
}

const FIREFOX = '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB_RUN = '/usr/bin/xvfb-run';

/** Debian's Firefox ESR over WebDriver BiDi, through puppeteer-core (no geckodriver needed). */
export const firefox: Engine = {
  name: 'Firefox',
  missing: () => (existsSync(FIREFOX) ? null : `${FIREFOX} is missing: apt-get install -y firefox-esr`),
  async open(width, height) {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setViewport({ width, height });
    page.setDefaultTimeout(15_000);
    return {
      goto: async (url) => void (await page.goto(url)),
      run: <T>(body: string, ...args: unknown[]) => page.evaluate(`(function () { ${body} }).apply(null, ${JSON.stringify(args)})`) as Promise<T>,
      click: (selector) => page.click(selector),
      type: (selector, text) => page.type(selector, text),
      close: () => browser.close(),
    };
  },
};

/**
 * Safari's engine: Debian's WebKitGTK MiniBrowser through WebKitWebDriver. WebKitGTK has no headless
 * mode, so the driver runs on a virtual X display. MiniBrowser's window is at least 447 px wide (its
 * toolbar); a font scale of 1.25 zooms the page as a person zooming in would, so a 450 px window shows
 * the page 360 CSS px wide.
 */
export const webkit: Engine = {
  name: 'WebKit',
  missing: () =>
    [WEBKIT_DRIVER, MINIBROWSER, XVFB_RUN].every((f) => existsSync(f))
      ? null
      : `WebKitWebDriver, MiniBrowser or xvfb-run is missing: apt-get install -y webkit2gtk-driver xvfb`,
  async open(width, height) {
    const SCALE = 1.25;
    const port = await freePort();
    const driverProcess = spawn(XVFB_RUN, ['-a', '-s', '-screen 0 1280x1024x24', WEBKIT_DRIVER, `--port=${port}`], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, GDK_DPI_SCALE: String(SCALE) },
    });
    // xvfb-run, Xvfb and the driver share a process group: it is ended as one.
    const stop = () => {
      try {
        process.kill(-driverProcess.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
    };
    try {
      await waitForPort(port, 20_000);
      const driver = await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } })
        .build();
      await driver
        .manage()
        .window()
        .setRect({ width: Math.round(width * SCALE), height: Math.round(height * SCALE) });
      // WebKitWebDriver does not scroll an element into view before it types into it.
      const inView = async (selector: string) => {
        const el = await driver.findElement(By.css(selector));
        await driver.executeScript(`arguments[0].scrollIntoView({ block: 'center' })`, el);
        return el;
      };
      return {
        goto: (url) => driver.get(url),
        run: <T>(body: string, ...args: unknown[]) => driver.executeScript<T>(body, ...args),
        // WebKitWebDriver places its clicks without the page zoom, so they land off target: a person's keyboard instead.
        click: (selector) => inView(selector).then((el) => el.sendKeys(Key.ENTER)),
        type: (selector, text) => inView(selector).then((el) => el.sendKeys(text)),
        async close() {
          await driver.quit();
          stop();
        },
      };
    } catch (e) {
      stop();
      throw e;
    }
  },
};
