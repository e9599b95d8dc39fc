import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';

// Settings, templates and backup arrive with the options issue; this page
// says where things stand so nobody lands on a blank tab.
function Options() {
  return (
    <main className="options">
      <h1>PayNudge 设置</h1>
      <p>所有数据只保存在本机（IndexedDB），扩展不会发出任何网络请求，也不会替你发送消息或点击页面。</p>
      <p className="muted">话术库、提醒节奏、导入导出等设置将在后续版本提供。</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Options />
  </StrictMode>,
);
