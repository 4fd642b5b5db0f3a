import { WebSocketGateway } from '@nestjs/websockets';
import { WS_ADMIN_PATH, WS_INVESTOR_PATH, WS_OPERATOR_PATH, WS_PATH } from '@aiparksit/shared';
import { Public } from '../common/http/index.js';
import { GATEWAY_OPTIONS, RealtimeGatewayBase } from './realtime-gateway.base.js';
import { RealtimeHub } from './realtime-hub.js';

/**
 * `/ws`: anyone (anonymous browsers, signed-in drivers, integrators with an API key) follows
 * the availability of public facilities by id or bounding box.
 */
@Public()
@WebSocketGateway({ path: WS_PATH, ...GATEWAY_OPTIONS })
export class PublicRealtimeGateway extends RealtimeGatewayBase {
  protected readonly path = WS_PATH;

  constructor(hub: RealtimeHub) {
    super(hub);
  }
}

/**
 * `/ws/operator`: an operator's own feed — bookings, revenue and availability of its
 * facilities, without subscribing. Same protocol as `/ws` for following other facilities.
 */
@Public()
@WebSocketGateway({ path: WS_OPERATOR_PATH, ...GATEWAY_OPTIONS })
export class OperatorRealtimeGateway extends RealtimeGatewayBase {
  protected readonly path = WS_OPERATOR_PATH;

  constructor(hub: RealtimeHub) {
    super(hub);
  }
}

/**
 * `/ws/investor`: investors and admins hear that the platform's takings changed
 * (`revenue_updated` with no facility, operator or amount), coalesced, so their dashboards
 * refetch. Same protocol as `/ws` for anything else.
 */
@Public()
@WebSocketGateway({ path: WS_INVESTOR_PATH, ...GATEWAY_OPTIONS })
export class InvestorRealtimeGateway extends RealtimeGatewayBase {
  protected readonly path = WS_INVESTOR_PATH;

  constructor(hub: RealtimeHub) {
    super(hub);
  }
}

/**
 * `/ws/admin`: admins hear of system errors (`system_error`, from any instance) and of services
 * changing state (`service_status_changed`, from this instance's status snapshots) without
 * polling. Same protocol as `/ws` for anything else.
 */
@Public()
@WebSocketGateway({ path: WS_ADMIN_PATH, ...GATEWAY_OPTIONS })
export class AdminRealtimeGateway extends RealtimeGatewayBase {
  protected readonly path = WS_ADMIN_PATH;

  constructor(hub: RealtimeHub) {
    super(hub);
  }
}
