import { defineExtensionMessaging } from '@webext-core/messaging';

/** Where a page stands, as the content script reports it to the background and the popup. */
export interface PageReport {
  count: number;
  document: {
    system?: string;
    number?: string;
    kind?: string;
    title?: string;
    committee?: string;
    date?: string;
  };
  measures: { id: string; label: string; reference: string; count: number }[];
}

interface ProtocolMap {
  /** Content script → background: the matches on this tab changed. */
  reportMatches(report: PageReport): void;
  /** Popup → content script: what did you find on this page? */
  getReport(): PageReport | null;
  /** Popup → content script: scroll to the first passage of a measure. */
  showMeasure(id: string): boolean;
  /** Popup → background: check the active tab now (activeTab). */
  checkTab(tabId: number): boolean;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
