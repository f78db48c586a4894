// placeholder until the Apps Script host lands
