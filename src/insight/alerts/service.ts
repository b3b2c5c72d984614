import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../platform/db/schema.ts'
import type { AlertKind } from '../../platform/db/tables/alerts.ts'
import { decodeCursor, keysetPage, type Page } from '../../platform/shared/cursor.ts'
import { findTopic } from '../../tenancy/topics/find-topic.ts'
import { ALERT_COLUMNS, alertToDto, type Alert } from './dto.ts'
import { alertSettingsOf, saveAlertSettings, type AlertSettings } from './settings.ts'
import { pastKeyset } from '../../platform/db/keyset.ts'


const alertCursor = z.tuple([z.iso.datetime(), z.number().int()])

/** Spike alerts of a workspace's topics, newest hour first, and each topic's detection settings. */
export function createAlertService({ db }: { db: Kysely<DB> }) {
  return {
    async list(workspaceId: string, topicId: string, o: { limit: number; cursor?: string; network?: string; kind?: AlertKind }): Promise<Page<Alert>> {
      await findTopic(db, workspaceId, topicId)
      let query = db.selectFrom('alerts').select(ALERT_COLUMNS).where('topic_id', '=', topicId)
      if (o.network) query = query.where('network', '=', o.network)
      if (o.kind) query = query.where('kind', '=', o.kind)
      if (o.cursor) {
        const [hour, id] = decodeCursor(o.cursor, alertCursor)
        query = query.where(pastKeyset('hour_start', new Date(hour), id, 'desc'))
      }
      const rows = await query.orderBy('hour_start', 'desc').orderBy('id', 'desc').limit(o.limit + 1).execute()
      return keysetPage(rows, o.limit, alertToDto, (alert) => [alert.hourStart, alert.id])
    },

    async settings(workspaceId: string, topicId: string): Promise<AlertSettings> {
      await findTopic(db, workspaceId, topicId)
      return alertSettingsOf(db, topicId)
    },

    async saveSettings(workspaceId: string, topicId: string, settings: AlertSettings): Promise<AlertSettings> {
      await findTopic(db, workspaceId, topicId)
      await saveAlertSettings(db, topicId, settings)
      return alertSettingsOf(db, topicId)
    },
  }
}

export type AlertService = ReturnType<typeof createAlertService>
