/** Events the plugin emits, `<entity>.<past_tense>`. */
export const PortalEvents = {} as const
