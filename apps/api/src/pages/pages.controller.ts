import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { AllowAnonymous } from '../auth/access.decorator';

/** A file the pages serve, and how. */
interface PageFile {
  readonly path: string;
  readonly type: string;
  /** Seconds a browser may keep it without asking again; 0: ask every time (ETag makes that cheap). */
  readonly maxAge: number;
}

const SVG = 'image/svg+xml';
const JS = 'text/javascript; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/** The pages built from apps/web (apps/web/build.ts): a shell each, and its bundles in dist/web. */
const WEB_PAGES = ['console', 'report', 'track'] as const;
type WebPage = (typeof WEB_PAGES)[number];
/** The residents' pages exist in Welsh too (`?lang=cy`): a shell each that says so from its first byte (`<html lang="cy">`, title, noscript). */
const WELSH_PAGES = ['report', 'track'] as const;
/** The shell's URL path for a page in a language: `/report`, `/report?lang=cy`. */
const shellPath = (page: WebPage, lang?: unknown): string => (lang === 'cy' && (WELSH_PAGES as readonly string[]).includes(page) ? `/${page}?lang=cy` : `/${page}`);
const WEB_BUNDLE = /^(console|report|track|agenda)\.(js|css)(\.map)?$/;
const BUNDLE_TYPES: Readonly<Record<string, string>> = { js: JS, css: 'text/css; charset=utf-8', map: 'application/json' };

/**
 * The project's root: the nearest folder above `from` holding package.json and apps/api/public.
 * Works from the sources (ts-jest: apps/api/src/pages) and from the build (dist/apps/api).
 */
export function findProjectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'apps', 'api', 'public'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no folder above ${from} holds package.json and apps/api/public: the web pages cannot be served`);
  }
}

/** Every file the pages may serve, by URL path: a fixed list, so no request can name another file. */
export function pageFiles(root: string): ReadonlyMap<string, PageFile> {
  const publicDir = join(root, 'apps', 'api', 'public');
  const chartJs = join(root, 'node_modules', 'chart.js', 'dist');
  const files = new Map<string, PageFile>([
    ['/dashboard', { path: join(publicDir, 'dashboard', 'index.html'), type: 'text/html; charset=utf-8', maxAge: 0 }],
    ['/dashboard/dashboard.js', { path: join(publicDir, 'dashboard', 'dashboard.js'), type: JS, maxAge: 0 }],
    ['/dashboard/dashboard.css', { path: join(publicDir, 'dashboard', 'dashboard.css'), type: 'text/css; charset=utf-8', maxAge: 0 }],
    ['/favicon.svg', { path: join(publicDir, 'favicon.svg'), type: SVG, maxAge: 86_400 }],
    // Browsers ask for /favicon.ico on their own; they read an SVG served with its own type.
    ['/favicon.ico', { path: join(publicDir, 'favicon.svg'), type: SVG, maxAge: 86_400 }],
    // Chart.js, bundled: the page must work on a machine with no internet, so no CDN.
    ['/assets/chart.umd.js', { path: join(chartJs, 'chart.umd.js'), type: JS, maxAge: 86_400 }],
    ['/assets/chart.umd.js.map', { path: join(chartJs, 'chart.umd.js.map'), type: 'application/json', maxAge: 86_400 }],
  ]);
  for (const page of WEB_PAGES) files.set(`/${page}`, { path: join(root, 'apps', 'web', 'pages', `${page}.html`), type: HTML, maxAge: 0 });
  for (const page of WELSH_PAGES) files.set(shellPath(page, 'cy'), { path: join(root, 'apps', 'web', 'pages', `${page}.cy.html`), type: HTML, maxAge: 0 });
  const missing = [...files.values()].filter((file) => !existsSync(file.path)).map((file) => file.path);
  if (missing.length > 0) throw new Error(`the web pages cannot be served: missing ${missing.join(', ')} (run npm ci)`);
  return files;
}

/** Only what the page's own files need: scripts, styles, data and the live feed from this origin. */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The web pages' shells and assets (API.md: open to anyone; the figures they show need a token). */
@ApiExcludeController()
@SkipThrottle()
@Controller()
export class PagesController {
  private readonly root = findProjectRoot();
  private readonly files = pageFiles(this.root);

  /** The dashboard: KPIs, charts with their tables, per-area figures and scorecards. */
  @Get('dashboard')
  @AllowAnonymous()
  dashboard(@Res() response: Response): void {
    response.setHeader('Content-Security-Policy', PAGE_POLICY);
    response.setHeader('Referrer-Policy', 'no-referrer');
    this.send('/dashboard', response);
  }

  @Get('dashboard/:file')
  @AllowAnonymous()
  dashboardAsset(@Param('file') file: string, @Res() response: Response): void {
    this.send(`/dashboard/${file}`, response);
  }

  @Get('favicon.ico')
  @AllowAnonymous()
  faviconIco(@Res() response: Response): void {
    this.send('/favicon.ico', response);
  }

  @Get('favicon.svg')
  @AllowAnonymous()
  faviconSvg(@Res() response: Response): void {
    this.send('/favicon.svg', response);
  }

  @Get('assets/:file')
  @AllowAnonymous()
  asset(@Param('file') file: string, @Res() response: Response): void {
    this.send(`/assets/${file}`, response);
  }

  /** The staff console: work queue, issue pages, staff intake, the auditor's view (one shell; pages by #hash). */
  @Get('console')
  @AllowAnonymous()
  console(@Res() response: Response): void {
    this.sendPage('console', response);
  }

  /** The public intake form (online channel), in English or Welsh (`?lang=cy`). */
  @Get('report')
  @AllowAnonymous()
  report(@Query('lang') lang: unknown, @Res() response: Response): void {
    this.sendPage('report', response, lang);
  }

  /** The public tracker page of one issue, in English or Welsh (`?lang=cy`): the page reads GET /public/issues/:reference. */
  @Get('track/:reference')
  @AllowAnonymous()
  track(@Query('lang') lang: unknown, @Res() response: Response): void {
    this.sendPage('track', response, lang);
  }

  /** The pages' bundles, built into dist/web by `npm run build` (apps/web/build.ts). */
  @Get('web/:file')
  @AllowAnonymous()
  webBundle(@Param('file') file: string, @Res() response: Response): void {
    const match = WEB_BUNDLE.exec(file);
    if (!match) throw new NotFoundException(`no page file /web/${file}`);
    const path = join(this.root, 'dist', 'web', file);
    if (!existsSync(path)) throw new NotFoundException(`/web/${file} is not built: run npm run build (or npm run build:web)`);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.sendFile(path, { headers: { 'Content-Type': BUNDLE_TYPES[match[3] ? 'map' : match[2]] }, maxAge: 0, dotfiles: 'deny' }, (error) => {
      if (error && !response.headersSent) response.status(404).json({ statusCode: 404, error: 'Not Found', message: `no page file /web/${file}` });
    });
  }

  private sendPage(page: WebPage, response: Response, lang?: unknown): void {
    response.setHeader('Content-Security-Policy', PAGE_POLICY);
    response.setHeader('Referrer-Policy', 'no-referrer');
    this.send(shellPath(page, lang), response);
  }

  private send(urlPath: string, response: Response): void {
    const file = this.files.get(urlPath);
    if (!file) throw new NotFoundException(`no page file ${urlPath}`);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.sendFile(file.path, { headers: { 'Content-Type': file.type }, maxAge: file.maxAge * 1000, dotfiles: 'deny' }, (error) => {
      if (error && !response.headersSent) response.status(404).json({ statusCode: 404, error: 'Not Found', message: `no page file ${urlPath}` });
    });
  }
}
