/**
 * A metadata line of a saved article ("Source: Reuters", "URL: https://…"), as an article copied from
 * a page, or kept with its address, often opens. Never a headline, never words of the story.
 */
export const METADATA_LINE = /^(source|outlet|publisher|publication|url|link|address|date|published|updated|author|by|byline)\s*:\s*(.*)$/i;
