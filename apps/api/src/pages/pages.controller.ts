import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
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
  private readonly files = pageFiles(findProjectRoot());

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

  private send(urlPath: string, response: Response): void {
    const file = this.files.get(urlPath);
    if (!file) throw new NotFoundException(`no page file ${urlPath}`);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.sendFile(file.path, { headers: { 'Content-Type': file.type }, maxAge: file.maxAge * 1000, dotfiles: 'deny' }, (error) => {
      if (error && !response.headersSent) response.status(404).json({ statusCode: 404, error: 'Not Found', message: `no page file ${urlPath}` });
    });
  }
}
