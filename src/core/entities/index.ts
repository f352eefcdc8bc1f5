import type { Entity, Paragraph, RawMention } from '../types';

/**
 * Recognises people, places and organisations in `text`, paragraph by paragraph. Mentions are sorted
 * by start and never overlap.
 */
export function recognize(text: string, paras: readonly Paragraph[]): RawMention[] {
  void text; void paras;
  throw new Error('recognize: not implemented yet');
}

/** Where one mention lives: a document and the mention's index in that document's mention list. */
export interface MentionRef {
  readonly docId: string;
  readonly index: number;
}

/**
 * Gathers the mentions of all documents into entities, one per real-world referent, and keeps them
 * up to date as documents are set and removed.
 */
export class EntityResolver {
  /** Adds or replaces a document's mentions. */
  set(docId: string, text: string, mentions: readonly RawMention[]): void {
    void docId; void text; void mentions;
    throw new Error('EntityResolver.set: not implemented yet');
  }
  remove(docId: string): void {
    void docId;
    throw new Error('EntityResolver.remove: not implemented yet');
  }
  /** All entities, most mentioned first. */
  entities(): Entity[] {
    throw new Error('EntityResolver.entities: not implemented yet');
  }
  entity(id: string): Entity | undefined {
    void id;
    throw new Error('EntityResolver.entity: not implemented yet');
  }
  /** The entity id of a document's mention, or null where it stays unresolved. */
  entityOf(docId: string, index: number): string | null {
    void docId; void index;
    throw new Error('EntityResolver.entityOf: not implemented yet');
  }
  /** Every mention of an entity across the corpus, in document order. */
  mentionsOf(entityId: string): MentionRef[] {
    void entityId;
    throw new Error('EntityResolver.mentionsOf: not implemented yet');
  }
}
