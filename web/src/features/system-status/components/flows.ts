import { DASHBOARD_REFETCH_MS, WS_RECONNECT_DELAY_MS } from '@aiparksit/shared';
import type { EndpointRef } from '../api/format';

/** The seed's legend: what kind of component a box is. */
export type ComponentKind = 'client' | 'server' | 'database' | 'external';

export const COMPONENT_KINDS: readonly { kind: ComponentKind; label: string; hint: string }[] = [
  { kind: 'client', label: 'Client', hint: 'Click to highlight all client components' },
  { kind: 'server', label: 'Server', hint: 'Click to highlight all server components' },
  { kind: 'database', label: 'Database', hint: 'Click to highlight all database components' },
  { kind: 'external', label: 'External API', hint: 'Click to highlight all external services' },
];

export interface FlowNode {
  label: string;
  /** A second, smaller line: a port, a path, what it is built with. */
  detail?: string;
  kind: ComponentKind;
}

export type FlowStep =
  | { title: string; endpoint: EndpointRef }
  /** A WebSocket path (`/ws`, `/ws/operator`), with the gateway's live figures. */
  | { title: string; socket: string }
  /** An event pushed on the sockets, or a rule of the clients (polling, reconnecting). */
  | { title: string; note: string; live?: 'events' | 'latency' };

export interface Flow {
  id: string;
  title: string;
  /** Each row is drawn as boxes joined by arrows, left to right (top to bottom on a phone). */
  rows: FlowNode[][];
  stepsTitle: string;
  steps: FlowStep[];
}

const get = (path: string): EndpointRef => ({ method: 'GET', path });
const post = (path: string): EndpointRef => ({ method: 'POST', path });

/**
 * The seed's four flows and its real-time architecture, with the boxes named after what this
 * platform runs (the SPA, nginx, the NestJS API) where the seed names its Next.js stack.
 */
export const FLOWS: readonly Flow[] = [
  {
    id: 'driver-booking',
    title: 'Driver Booking Flow',
    rows: [
      [
        { label: 'Driver App', detail: 'browser', kind: 'client' },
        { label: 'React SPA', detail: 'web/dist', kind: 'client' },
        { label: 'API', detail: 'NestJS :3005', kind: 'server' },
        { label: 'PostgreSQL', kind: 'database' },
      ],
      [
        { label: 'Bookings API', detail: 'holds, payments', kind: 'server' },
        { label: 'Card processor', detail: 'sandbox', kind: 'external' },
      ],
      [
        { label: 'Email outbox', kind: 'database' },
        { label: 'SMTP server', kind: 'external' },
      ],
    ],
    stepsTitle: 'Driver Journey - Step by Step',
    steps: [
      { title: 'Browse Marketplace', endpoint: get('/api/proxy/marketplace') },
      { title: 'View Available Spots', endpoint: get('/api/proxy/facilities') },
      { title: 'Real-time Availability', socket: '/ws' },
      { title: 'Book Parking Space', endpoint: post('/api/bookings') },
      { title: 'Payment Processing', endpoint: post('/api/payments') },
      { title: 'Confirmation Email', endpoint: post('/api/notifications/email') },
    ],
  },
  {
    id: 'operator-dashboard',
    title: 'Operator Dashboard Data Flow',
    rows: [
      [
        { label: 'Operator Portal', kind: 'client' },
        { label: 'Dashboard API', kind: 'server' },
        { label: 'PostgreSQL', kind: 'database' },
      ],
      [
        { label: 'PostgreSQL', detail: 'rollup triggers', kind: 'database' },
        { label: 'Analytics Engine', kind: 'server' },
        { label: 'Charts & Graphs', detail: 'chart.js', kind: 'client' },
      ],
    ],
    stepsTitle: 'Operator Dashboard - Data Sources',
    steps: [
      { title: 'Onboarding Process', endpoint: post('/api/operator/onboarding') },
      { title: 'Facility Management', endpoint: get('/api/proxy/operator') },
      { title: 'Revenue Analytics', endpoint: get('/api/analytics/revenue') },
      { title: 'Occupancy Tracking', endpoint: get('/api/analytics/occupancy') },
      { title: 'Add New Facility', endpoint: post('/api/facilities') },
      { title: 'Real-time Updates', socket: '/ws/operator' },
    ],
  },
  {
    id: 'investor-metrics',
    title: 'Investor Metrics Pipeline',
    rows: [
      [
        { label: 'Investor Portal', kind: 'client' },
        { label: 'Metrics API', kind: 'server' },
        { label: 'PostgreSQL', kind: 'database' },
      ],
      [
        { label: 'Aggregated Data', detail: 'metrics rollups', kind: 'database' },
        { label: 'Report Generator', kind: 'server' },
        { label: 'PDF Export', detail: 'Chromium', kind: 'external' },
      ],
    ],
    stepsTitle: 'Investor Metrics - Available Reports',
    steps: [
      { title: 'Platform Overview', endpoint: get('/api/proxy/investor') },
      { title: 'Revenue Metrics', endpoint: get('/api/metrics/revenue') },
      { title: 'User Growth', endpoint: get('/api/metrics/growth') },
      { title: 'Market Analysis', endpoint: get('/api/metrics/market') },
      { title: 'Download PDF Report', endpoint: post('/api/reports/export') },
      { title: 'Email Report', endpoint: post('/api/notifications/email') },
    ],
  },
  {
    id: 'api-architecture',
    title: 'Complete API Architecture',
    rows: [
      [
        { label: 'Client Browser', kind: 'client' },
        { label: 'Nginx', detail: 'port 443', kind: 'server' },
        { label: 'API', detail: 'NestJS port 3005', kind: 'server' },
      ],
      [
        { label: 'API process', detail: 'Fastify', kind: 'server' },
        { label: 'API Routes', detail: '/api/*', kind: 'server' },
        { label: 'PostgreSQL', detail: 'port 5432', kind: 'database' },
      ],
      [
        { label: 'Middleware', detail: 'request id', kind: 'server' },
        { label: 'Anti-Harvesting', kind: 'server' },
        { label: 'Rate Limiting', kind: 'server' },
      ],
    ],
    stepsTitle: 'API Endpoints - Complete List',
    steps: [
      { title: 'Health Check', endpoint: get('/api/health') },
      { title: 'Marketplace Data', endpoint: get('/api/proxy/marketplace') },
      { title: 'Facilities List', endpoint: get('/api/proxy/facilities') },
      { title: 'Operator Dashboard', endpoint: get('/api/proxy/operator') },
      { title: 'Investor Metrics', endpoint: get('/api/proxy/investor') },
      { title: 'Operator Onboarding', endpoint: post('/api/operator/onboarding') },
      { title: 'Email Notifications', endpoint: post('/api/notifications/email') },
    ],
  },
  {
    id: 'realtime',
    title: 'Real-time WebSocket Architecture',
    rows: [
      [
        { label: 'React Component', kind: 'client' },
        { label: 'SocketProvider', kind: 'client' },
        { label: 'WebSocket Server', detail: '/ws', kind: 'server' },
      ],
      [
        { label: 'Database Change', kind: 'database' },
        { label: 'Event Trigger', detail: 'pg_notify', kind: 'database' },
        { label: 'Live UI Update', kind: 'client' },
      ],
    ],
    stepsTitle: 'Real-time Events - Live Updates',
    steps: [
      { title: 'Connection Established', socket: '/ws' },
      { title: 'Parking Availability Update', note: 'Event: availability_changed', live: 'events' },
      { title: 'New Booking Alert', note: 'Event: booking_created', live: 'events' },
      { title: 'Revenue Update (Operator)', note: 'Event: revenue_updated', live: 'latency' },
      { title: 'Dashboard Metrics Refresh', note: `Polling: Every ${DASHBOARD_REFETCH_MS / 1000}s` },
      { title: 'Auto-Reconnect on Disconnect', note: `Retry: ${WS_RECONNECT_DELAY_MS / 1000}s delay` },
    ],
  },
];
