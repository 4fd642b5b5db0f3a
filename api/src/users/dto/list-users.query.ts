import { PageQueryDto } from '../../common/http/index.js';

export class ListUsersQuery extends PageQueryDto {}
