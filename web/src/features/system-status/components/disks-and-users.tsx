import { PORTALS, type ActiveUsers, type DiskUsage, type Portal } from '@aiparksit/shared';
import { formatBytes, formatCount, formatDuration, formatPercent } from '../api/format';

export function DiskSpace({ disks, warnPercent }: { disks: DiskUsage[]; warnPercent: number }) {
  return (
    <section className="card" aria-labelledby="disk-title" data-testid="card-disks">
      <h3 id="disk-title">Disk space</h3>
      {disks.length === 0 ? (
        <p className="field__hint">No disk figures reported.</p>
      ) : (
        <ul className="disks">
          {disks.map((disk) => (
            <li key={disk.kind} className={`disk${disk.warning ? ' disk--warning' : ''}`} data-testid={`disk-${disk.kind}`} data-warning={disk.warning}>
              <div className="disk__head">
                <span className="disk__label">
                  {disk.label} <code className="disk__path">{disk.path}</code>
                </span>
                <span className="disk__percent">
                  {formatPercent(disk.usedPercent)}
                  {disk.warning ? ' · low on space' : ''}
                </span>
              </div>
              <div
                className="disk__bar"
                role="meter"
                aria-label={`${disk.label} used`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(disk.usedPercent)}
                aria-valuetext={`${formatPercent(disk.usedPercent)} used`}
              >
                <span className="disk__fill" style={{ width: `${Math.min(100, Math.max(0, disk.usedPercent))}%` }} />
              </div>
              <p className="disk__figures">
                {formatBytes(disk.usedBytes)} used · {formatBytes(disk.freeBytes)} free of {formatBytes(disk.totalBytes)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="field__hint">Bars turn amber from {warnPercent} % used.</p>
    </section>
  );
}

const PORTAL_NAMES: Record<Portal, string> = { marketplace: 'Marketplace (drivers)', operator: 'Operator', investor: 'Investor', admin: 'Admin' };

export function ActiveUsersCard({ users }: { users: ActiveUsers }) {
  return (
    <section className="card" aria-labelledby="users-title" data-testid="card-users">
      <h3 id="users-title">Active users</h3>
      <p className="active-users__total">
        <span className="headline__value" data-testid="active-users-total">
          {formatCount(users.total)}
        </span>{' '}
        in the last {formatDuration(users.windowSeconds).replace(/ 0s$/, '')}
      </p>
      <dl className="figures figures--rows">
        {PORTALS.map((portal) => (
          <div key={portal} className="figures__item">
            <dt>{PORTAL_NAMES[portal]}</dt>
            <dd>
              {formatCount(users.byPortal[portal] ?? 0)} {users.byPortal[portal] === 1 ? 'user' : 'users'}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
