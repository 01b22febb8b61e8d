import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import fs from "node:fs/promises"
import path from "node:path"

export type FileNotificationOptions = {
  /** Folder the emails are written to; created when missing. */
  directory: string
}

/**
 * A notification provider for development and tests: instead of sending an
 * email it writes it to a folder — `<time>-<id>.json` with the recipient,
 * template and subject, beside `.html` and `.txt` with the bodies — where a
 * developer (or a test) reads it.
 */
export class FileNotificationService extends AbstractNotificationProviderService {
  static identifier = "notification-file"

  protected readonly directory: string
  protected readonly logger: Logger

  static validateOptions(options: Record<string, unknown>) {
    if (typeof options?.directory !== "string" || !options.directory) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, 'The file notification provider needs the option "directory".')
    }
  }

  constructor({ logger }: { logger: Logger }, options: FileNotificationOptions) {
    super()
    this.directory = path.resolve(options.directory)
    this.logger = logger
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const id = randomUUID()
    const base = path.join(this.directory, `${new Date().toISOString().replace(/[:.]/g, "-")}-${id}`)
    await fs.mkdir(this.directory, { recursive: true })
    const { content } = notification
    await Promise.all([
      fs.writeFile(`${base}.html`, content?.html ?? ""),
      fs.writeFile(`${base}.txt`, content?.text ?? ""),
    ])
    // Written last and renamed into place, so a reader never sees a half-written .json, and
    // one that sees it finds the bodies beside it.
    await fs.writeFile(
      `${base}.json.tmp`,
      JSON.stringify(
        { id, to: notification.to, from: notification.from ?? null, channel: notification.channel, template: notification.template, subject: content?.subject ?? null, data: notification.data ?? null, html: `${base}.html`, text: `${base}.txt` },
        null,
        2
      )
    )
    await fs.rename(`${base}.json.tmp`, `${base}.json`)
    this.logger.info(`Email "${content?.subject ?? notification.template}" written to ${base}.html`)
    return { id }
  }
}
